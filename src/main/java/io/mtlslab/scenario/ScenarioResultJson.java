package io.mtlslab.scenario;

import io.mtlslab.call.CallResultJson;
import io.mtlslab.text.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The matrix as plain maps for JSON ({@code mtls-lab scenarios --json}): one entry per cell. */
public final class ScenarioResultJson {

    private ScenarioResultJson() {
    }

    public static Map<String, Object> toMap(List<ScenarioResult> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        // Codes and ids are stable; label, modeName, meaning and actualText are in this language.
        root.put("language", Texts.locale().toLanguageTag());
        root.put("allAsExpected", results.stream().allMatch(ScenarioResult::matchesExpectation));
        List<Object> cells = new ArrayList<>();
        for (ScenarioResult result : results) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("mode", result.mode().id());
            cell.put("modeName", result.mode().displayName());
            cell.put("scenario", result.scenario().name());
            cell.put("label", result.scenario().label());
            cell.put("expected", result.expected().outcome().name());
            cell.put("expectedCode", result.expected().code() == null ? null : result.expected().code().name());
            cell.put("meaning", result.expected().meaning());
            cell.put("actual", result.actual().name());
            cell.put("actualText", result.actualText());
            cell.put("status", result.status().name());
            cell.put("attackSucceeded", result.attackSucceeded());
            cell.put("diagnosis", result.diagnosis() == null ? null : CallResultJson.diagnosis(result.diagnosis()));
            cells.add(cell);
        }
        root.put("results", cells);
        return root;
    }
}
