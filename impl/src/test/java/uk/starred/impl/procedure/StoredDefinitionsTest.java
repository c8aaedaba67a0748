package uk.starred.impl.procedure;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;

import org.junit.Test;

import uk.starred.api.procedure.Procedure;
import uk.starred.impl.descriptor.DescriptorReader;
import uk.starred.impl.json.Json;

/**
 * A definition stored for running concerns before the procedure model's second version reads as the
 * same procedure its descriptor reads as today, so those concerns run on exactly as they started.
 */
public class StoredDefinitionsTest {

    /** As Starred stored a definition before the second version: one responding role, raisedBy, onDeadline, anyPoint. */
    private static final String STORED_BEFORE = """
            {"appliesTo":["LOOKED_AFTER"],"cafcass":{"anyPoint":false,"decisionTimescale":{"amount":14,\
            "unit":"CALENDAR_DAYS"},"informFirst":["HEAD_OF_SERVICE"]},"caseNotes":{"RAISED":"IRO Alert"},"id":"old",\
            "raisedBy":["IRO","CPC"],"reasons":[{"appliesTo":["LOOKED_AFTER"],"code":"R","label":"Reason"}],\
            "roles":["IRO","CPC","TEAM_MANAGER","HEAD_OF_SERVICE"],"stages":[{"caseNotes":{},"formal":false,"id":"S1",\
            "mayBypass":false,"mayEnterDirectly":false,"name":"Stage 1","noRemitStage":null,"notified":[],\
            "onDeadline":"DEEMED_AGREEMENT","participants":["IRO","TEAM_MANAGER"],"requiredActions":[{"byRole":\
            "TEAM_MANAGER","description":"Met","id":"MET"}],"respondingRole":"TEAM_MANAGER","timescale":{"amount":2,\
            "unit":"WORKING_DAYS"}},{"caseNotes":{},"formal":true,"id":"S2","mayBypass":false,"mayEnterDirectly":true,\
            "name":"Stage 2","noRemitStage":null,"notified":["HEAD_OF_SERVICE"],"onDeadline":"NEXT_STAGE",\
            "participants":["IRO","HEAD_OF_SERVICE"],"requiredActions":[],"respondingRole":null,"timescale":null}],\
            "title":"Old","totalLimit":null,"version":"1"}""";

    private static final String ITS_DESCRIPTOR = """
            id: old
            version: '1'
            title: Old
            appliesTo: [LOOKED_AFTER]
            roles: [IRO, CPC, TEAM_MANAGER, HEAD_OF_SERVICE]
            raisedBy: [IRO, CPC]
            cafcass:
              anyPoint: false
              informFirst: [HEAD_OF_SERVICE]
              decisionTimescale: 14 calendar days
            caseNotes:
              RAISED: IRO Alert
            stages:
              - id: S1
                name: Stage 1
                participants: [IRO, TEAM_MANAGER]
                respondingRole: TEAM_MANAGER
                timescale: 2 working days
                onDeadline: DEEMED_AGREEMENT
                requiredActions:
                  - id: MET
                    description: Met
                    byRole: TEAM_MANAGER
              - id: S2
                name: Stage 2
                participants: [IRO, HEAD_OF_SERVICE]
                notified: [HEAD_OF_SERVICE]
                onDeadline: NEXT_STAGE
                formal: true
                mayEnterDirectly: true
            reasons:
              - code: R
                label: Reason
                appliesTo: [LOOKED_AFTER]
            """;

    @Test
    public void aDefinitionStoredBeforeTheSecondModelIsTheProcedureItsDescriptorIsNow() throws Exception {
        Procedure read = DescriptorReader.read("old.yaml", new StringReader(ITS_DESCRIPTOR));
        assertEquals(read, StoredDefinitions.read(STORED_BEFORE));
    }

    @Test
    public void aRequiredActionStoredWithOneRoleReadsAsAListOfOne() throws Exception {
        Procedure read = DescriptorReader.read("old.yaml", new StringReader(ITS_DESCRIPTOR));
        String now = Json.write(read);
        String before = now.replace("\"byRoles\":[\"TEAM_MANAGER\"]", "\"byRole\":\"TEAM_MANAGER\"");
        assertTrue(before.contains("\"byRole\":\"TEAM_MANAGER\""));
        assertEquals(read, StoredDefinitions.read(before));
    }

    @Test
    public void aDefinitionStoredNowReadsBackAsItself() throws Exception {
        Procedure read = DescriptorReader.read("old.yaml", new StringReader(ITS_DESCRIPTOR));
        assertEquals(read, StoredDefinitions.read(Json.write(read)));
    }
}
