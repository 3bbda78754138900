package io.stagger.harness.serve;

/**
 * The one script the pages carry: while a run is going on, ask the server every {@link #PERIOD_MILLIS} for the
 * runs' verdicts and reload the page when they change (a run ends, a new one starts).
 */
final class Polling {
    static final int PERIOD_MILLIS = 2000;

    private Polling() {}

    static String script(String api) {
        return "<script>\n(function () {\n"
                + "  let last = null;\n"
                + "  async function poll() {\n"
                + "    try {\n"
                + "      const text = await (await fetch('" + api + "', {cache: 'no-store'})).text();\n"
                + "      if (last !== null && text !== last) { location.reload(); return; }\n"
                + "      last = text;\n"
                + "      if (JSON.parse(text).running) { setTimeout(poll, " + PERIOD_MILLIS + "); }\n"
                + "    } catch (e) { setTimeout(poll, " + PERIOD_MILLIS * 5 + "); }\n"
                + "  }\n"
                + "  poll();\n"
                + "})();\n</script>\n";
    }
}
