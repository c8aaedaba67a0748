package uk.starred.ui.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.starred.ui.command.ConcernCommands;
import uk.starred.ui.command.ConcernCommands.Op;

/** The OpenAPI document says what the API does: every command, with exactly the fields it reads. */
public class OpenApiTest {

    @Test
    public void everyCommandIsDescribedWithItsFields() throws Exception {
        JsonNode doc;
        try (InputStream in = RestApi.class.getResourceAsStream("openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        JsonNode paths = doc.get("paths");
        for (Op op : Op.values()) {
            JsonNode post = paths.path("/concerns/{concernId}/" + op.path).path("post");
            assertTrue(op.path + " is described", post.isObject());
            List<String> fields = new ArrayList<>();
            post.at("/requestBody/content/application~1json/schema/properties").fieldNames().forEachRemaining(fields::add);
            List<String> expected = new ArrayList<>(op.fields);
            expected.add(0, "version");
            assertEquals(op.path, expected, fields);
            assertTrue(op.path + " documents its refusals", post.path("responses").has("409"));
        }
        for (uk.starred.ui.command.ReviewCommands.Op op : uk.starred.ui.command.ReviewCommands.Op.values()) {
            JsonNode post = paths.path("/children/{childId}/reviews/" + op.path).path("post");
            assertTrue(op.path + " is described", post.isObject());
            List<String> fields = new ArrayList<>();
            post.at("/requestBody/content/application~1json/schema/properties").fieldNames().forEachRemaining(fields::add);
            assertEquals(op.path, op.fields, fields);
        }
        List<String> raise = new ArrayList<>();
        paths.at("/~1children~1{childId}~1concerns/post/requestBody/content/application~1json/schema/properties")
                .fieldNames().forEachRemaining(raise::add);
        assertEquals(ConcernCommands.RAISE_FIELDS.subList(1, ConcernCommands.RAISE_FIELDS.size()), raise);
        for (String path : List.of("/procedures", "/children/{childId}/alerts", "/concerns/{concernId}",
                "/oversight/open-concerns", "/oversight/open-concerns.csv", "/oversight/figures",
                "/oversight/figures.csv", "/children/{childId}/good-practice", "/oversight/good-practice",
                "/oversight/good-practice.csv", "/concerns/{concernId}/family-update", "/children/{childId}/reviews", "/verification",
                "/children/{childId}/verification", "/oversight/annual-report/{year}",
                "/oversight/annual-report/{year}.csv", "/oversight/trends",
                "/openapi.json")) {
            assertTrue(path, paths.has(path));
        }
    }
}
