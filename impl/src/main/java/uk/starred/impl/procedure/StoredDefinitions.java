package uk.starred.impl.procedure;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.impl.json.Json;

/**
 * Reads a definition stored for running concerns, in whatever shape it was stored. Definitions stored
 * before the procedure model's second version have one responding role a stage, one list of roles
 * that drove everything ({@code raisedBy}), one rule for a missed deadline and a yes-or-no CAFCASS
 * rule: they are read with the meaning a version 1 descriptor has now, so that a concern keeps running
 * exactly as it started. A required action stored before version 2.2 names one role, read as a list of one.
 */
final class StoredDefinitions {

    private StoredDefinitions() {
    }

    static Procedure read(String json) {
        ObjectNode tree = Json.tree(json);
        if (!tree.has("permissions")) {
            upgradeFromFirstModel(tree);
        }
        oneRoleOrMore(tree);
        return Json.read(tree, Procedure.class);
    }

    /** Before version 2.2 a required action named one role, {@code byRole}; it names a list now. */
    private static void oneRoleOrMore(ObjectNode p) {
        for (JsonNode stage : p.get("stages")) {
            for (JsonNode node : stage.get("requiredActions")) {
                ObjectNode action = (ObjectNode) node;
                JsonNode byRole = action.remove("byRole");
                if (byRole != null && !action.has("byRoles")) {
                    action.putArray("byRoles").add(byRole.asText());
                }
            }
        }
    }

    private static void upgradeFromFirstModel(ObjectNode p) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<String> raisedBy = new ArrayList<>();
        p.remove("raisedBy").forEach(role -> raisedBy.add(role.asText()));
        p.set("permissions", Json.tree(Json.write(Permissions.drivenBy(raisedBy))));
        p.put("format", 1);
        ObjectNode cafcass = (ObjectNode) p.get("cafcass");
        boolean anyPoint = cafcass.remove("anyPoint").asBoolean();
        cafcass.put("when", (anyPoint ? ReferralWindow.ANY_POINT : ReferralWindow.FORMAL_BEGUN).name());
        cafcass.putNull("stage");
        cafcass.set("toldOnReferral", json.arrayNode());
        for (JsonNode node : p.get("stages")) {
            ObjectNode stage = (ObjectNode) node;
            JsonNode responding = stage.remove("respondingRole");
            ArrayNode responders = stage.putArray("responders");
            if (responding != null && !responding.isNull()) {
                responders.add(responding.asText());
            }
            stage.set("copied", json.arrayNode());
            String onDeadline = stage.remove("onDeadline").asText();
            stage.put("onSilence", onDeadline);
            stage.put("afterResponse", onDeadline.equals(OnDeadline.DEEMED_AGREEMENT.name())
                    ? OnDeadline.NOTHING.name() : onDeadline);
            for (JsonNode action : stage.get("requiredActions")) {
                ((ObjectNode) action).set("before", json.arrayNode());
            }
        }
    }
}
