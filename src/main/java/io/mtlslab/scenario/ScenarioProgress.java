package io.mtlslab.scenario;

/** Told about each finished cell while the matrix runs off the UI thread; may ask it to stop. */
public interface ScenarioProgress {

    /** {@code done} of {@code total} cells are finished; {@code result} is the latest. */
    void finished(ScenarioResult result, int done, int total);

    /** Checked between cells: {@code true} stops the run. */
    default boolean cancelled() {
        return false;
    }

    static ScenarioProgress none() {
        return (result, done, total) -> { };
    }
}
