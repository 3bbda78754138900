package io.stagger.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeFilesTest {
    @TempDir
    Path temp;

    private SafeFiles store;

    @BeforeEach
    void tree() throws Exception {
        Path root = Files.createDirectories(temp.resolve("store/lin-kv/run1"));
        Files.writeString(root.resolve("results.json"), "{}");
        Files.writeString(temp.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("out-file"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("out-dir"), temp);
        Files.createSymbolicLink(root.resolve("in-link"), root.resolve("results.json"));
        store = new SafeFiles(temp.resolve("store"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "lin-kv/run1/results.json | true",
            "lin-kv/run1/in-link | true",
            "lin-kv/run1/missing.json | false",
            "../secret.txt | false",
            "lin-kv/../../secret.txt | false",
            "lin-kv/run1/../run1/results.json | false",
            "./lin-kv/run1/results.json | false",
            "/etc/passwd | false",
            "lin-kv//run1/results.json | false",
            "lin-kv\\run1\\results.json | false",
            "lin-kv/run1/out-file | false",
            "lin-kv/run1/out-dir/secret.txt | false",
            "lin-kv/run1/results.json{NUL}.txt | false"})
    void onlyPlainPathsInsideTheTreeResolve(String path, boolean served) {
        assertThat(store.file(path.replace("{NUL}", "\0")).isPresent()).isEqualTo(served);
    }
}
