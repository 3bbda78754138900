package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conference's posts: all reads agree on one order (an index shows one post, a post sits at one index), the
 * index a post_ok gave is where the reads show the post, no read shows a post nobody sent, and the final reads show
 * every acknowledged post. A post is named by its (client, seq).
 */
final class ConferencePosts {
    private final Map<Long, String> postAt = new HashMap<>();
    private final Map<String, Long> indexOf = new HashMap<>();
    private final Violations violations;

    private ConferencePosts(Violations violations) {
        this.violations = violations;
    }

    static ObjectNode check(List<ConferenceRequest> requests, List<History.Pair> pairs, Violations violations) {
        return new ConferencePosts(violations).run(requests, pairs);
    }

    private ObjectNode run(List<ConferenceRequest> requests, List<History.Pair> pairs) {
        Set<String> sent = new HashSet<>();
        Map<String, Long> acknowledged = new HashMap<>();
        for (ConferenceRequest post : requests) {
            if (!post.f().equals("post")) {
                continue;
            }
            sent.add(post.id());
            for (var ok : post.oks()) {
                long index = ok.value().path("index").asLong(-1);
                Long earlier = acknowledged.putIfAbsent(post.id(), index);
                if (earlier != null && earlier != index) {
                    violations.add("post " + post.id() + " was acknowledged at index " + earlier + " and again at " + index);
                }
            }
        }
        int reads = 0;
        Set<String> finalPosts = new HashSet<>();
        TreeSet<Long> finalEnds = new TreeSet<>();
        for (History.Pair pair : pairs) {
            if (!pair.ok() || !pair.invoke().f().equals("read")) {
                continue;
            }
            reads++;
            JsonNode reply = pair.complete().value();
            for (JsonNode message : reply.path("messages")) {
                String id = message.path("client").asText() + "#" + message.path("seq").asLong();
                long index = message.path("index").asLong();
                seen(id, index, "a read");
                if (!sent.contains(id)) {
                    violations.add("a read shows post " + id + " at index " + index + ", which no client sent");
                }
                if (pair.invoke().isFinal()) {
                    finalPosts.add(id);
                }
            }
            if (pair.invoke().isFinal() && reply.path("next").asLong() == reply.path("from").asLong()) {
                finalEnds.add(reply.path("next").asLong());
            }
        }
        int lost = 0;
        for (Map.Entry<String, Long> post : acknowledged.entrySet()) {
            seen(post.getKey(), post.getValue(), "its post_ok");
            if (!finalEnds.isEmpty() && !finalPosts.contains(post.getKey())) {
                lost++;
                violations.add("post " + post.getKey() + ", acknowledged at index " + post.getValue()
                        + ", is lost: no final read shows it");
            }
        }
        if (finalEnds.size() > 1) {
            violations.add("the final reads disagree on how many posts there are: " + finalEnds);
        }
        ObjectNode details = Json.object();
        details.put("acknowledged", acknowledged.size());
        details.put("read-ok-count", reads);
        details.put("final-count", finalEnds.isEmpty() ? -1 : finalEnds.last());
        details.put("lost", lost);
        return details;
    }

    /** Records that `where` shows post id at index; a second index for it, or a second post at it, is a violation. */
    private void seen(String id, long index, String where) {
        String other = postAt.putIfAbsent(index, id);
        if (other != null && !other.equals(id)) {
            violations.add("two orders: index " + index + " holds post " + other + " in one read and " + id + " in "
                    + where);
        }
        Long otherIndex = indexOf.putIfAbsent(id, index);
        if (otherIndex != null && otherIndex != index) {
            violations.add("post " + id + " appears twice: at index " + otherIndex + " and at index " + index + " in "
                    + where);
        }
    }
}
