package io.stagger.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;
import us.bpsm.edn.TaggedValue;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * EDN text (Clojure's data notation, as Jepsen writes it) read with edn-java and turned into JSON values: nil is
 * null, a keyword or symbol its name, a vector, list or set an array, a map an object, a tagged value its value.
 */
final class EdnValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EdnValues() {}

    /** The one EDN value in text; an IllegalArgumentException when there is none, more than one, or bad syntax. */
    static Object parse(String text) {
        Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
        Parseable input = Parsers.newParseable(text);
        Object value;
        try {
            value = parser.nextValue(input);
            if (value == Parser.END_OF_INPUT) {
                throw new IllegalArgumentException("no EDN value");
            }
            if (parser.nextValue(input) != Parser.END_OF_INPUT) {
                throw new IllegalArgumentException("more than one EDN value");
            }
        } catch (us.bpsm.edn.EdnException e) {
            throw new IllegalArgumentException("not EDN: " + e.getMessage());
        }
        return value;
    }

    static JsonNode toJson(Object edn) {
        if (edn == null) {
            return NODES.nullNode();
        }
        if (edn instanceof Keyword keyword) {
            return NODES.textNode(name(keyword.getPrefix(), keyword.getName()));
        }
        if (edn instanceof Symbol symbol) {
            return NODES.textNode(name(symbol.getPrefix(), symbol.getName()));
        }
        if (edn instanceof String text) {
            return NODES.textNode(text);
        }
        if (edn instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (edn instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (edn instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        if (edn instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (edn instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (edn instanceof Character character) {
            return NODES.textNode(character.toString());
        }
        if (edn instanceof TaggedValue tagged) {
            return toJson(tagged.getValue());
        }
        if (edn instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonNode key = toJson(entry.getKey());
                object.set(key.isTextual() ? key.asText() : key.toString(), toJson(entry.getValue()));
            }
            return object;
        }
        if (edn instanceof Collection<?> collection) {
            ArrayNode array = NODES.arrayNode();
            collection.forEach(element -> array.add(toJson(element)));
            return array;
        }
        return NODES.textNode(edn.toString());
    }

    private static String name(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "/" + name;
    }
}
