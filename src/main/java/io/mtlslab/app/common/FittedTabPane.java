package io.mtlslab.app.common;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * A tab pane as tall as the tab on show, not as its tallest tab: a short form in one tab leaves no
 * empty band under it because another tab holds two tables (the Audit screen).
 *
 * <p>The skin still lays out every tab's content at the pane's height, so switching tabs never
 * empties or unmanages a tab (which broke the client tab once); only the height the pane asks its
 * parent for changes, and it asks again on every tab switch.
 */
public class FittedTabPane extends TabPane {

    public FittedTabPane() {
        getSelectionModel().selectedItemProperty().subscribe(tab -> requestLayout());
    }

    /** Wrapped help texts make the selected tab's height depend on the width it gets. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double all = super.computePrefHeight(width);
        Region shown = contentRegion(getSelectionModel().getSelectedItem());
        if (shown == null) {
            return all;
        }
        // The skin adds the tallest tab's height (asked at no particular width) to the header's:
        // swap it for the shown tab's height at the width it will really have.
        double tallest = 0;
        for (Tab tab : getTabs()) {
            Region region = contentRegion(tab);
            if (region != null) {
                tallest = Math.max(tallest, snapSizeY(region.prefHeight(-1)));
            }
        }
        Insets insets = getInsets();
        double contentWidth = width < 0 ? -1 : Math.max(0, width - insets.getLeft() - insets.getRight());
        return all - tallest + snapSizeY(shown.prefHeight(contentWidth));
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /** The region the skin wraps a tab's content in, once the skin exists. */
    private static Region contentRegion(Tab tab) {
        Node content = tab == null ? null : tab.getContent();
        return content != null && content.getParent() instanceof Region region ? region : null;
    }
}
