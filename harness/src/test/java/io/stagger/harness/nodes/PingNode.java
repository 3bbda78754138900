package io.stagger.harness.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A load node for measuring the harness's throughput: after init it keeps a window of pings in flight to every
 * other node and answers each ping with a pong and each pong with the next ping, so the network is never idle.
 * It also answers echo, so that it runs under the echo workload. Argument: the window per peer (default 64).
 */
public final class PingNode {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PingNode() {}

    public static void main(String[] args) throws IOException {
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        String self = null;
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode message = JSON.readTree(line);
            JsonNode body = message.get("body");
            String src = message.get("src").asText();
            switch (body.get("type").asText()) {
                case "init":
                    self = body.get("node_id").asText();
                    send(out, self, src, reply(body, "init_ok"));
                    for (JsonNode peer : body.get("node_ids")) {
                        if (!peer.asText().equals(self)) {
                            for (int i = 0; i < window; i++) {
                                send(out, self, peer.asText(), JSON.createObjectNode().put("type", "ping"));
                            }
                        }
                    }
                    break;
                case "echo":
                    send(out, self, src, reply(body, "echo_ok").set("echo", body.get("echo")));
                    break;
                case "ping":
                    send(out, self, src, JSON.createObjectNode().put("type", "pong"));
                    break;
                case "pong":
                    send(out, self, src, JSON.createObjectNode().put("type", "ping"));
                    break;
                default:
                    break;
            }
            if (!in.ready()) {
                out.flush();
            }
        }
    }

    private static ObjectNode reply(JsonNode request, String type) {
        ObjectNode body = JSON.createObjectNode().put("type", type);
        body.set("in_reply_to", request.get("msg_id"));
        return body;
    }

    private static void send(Writer out, String src, String dest, ObjectNode body) throws IOException {
        ObjectNode message = JSON.createObjectNode().put("src", src).put("dest", dest);
        message.set("body", body);
        out.write(JSON.writeValueAsString(message));
        out.write('\n');
    }
}
