package io.stagger.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds spec/StaggeredElection.tla: an explicit directory, the {@code stagger.spec.dir} or {@code stagger.root}
 * system property, the repository around the jar ({@code <repo>/model-check/target/stagger-check.jar}), or the copy
 * bundled in the jar.
 */
public final class SpecSource {
    /** The spec module's file name. */
    public static final String SPEC_FILE = "StaggeredElection.tla";

    private SpecSource() {
    }

    /** Copies the spec into {@code workDir}, from {@code explicitDir} if given, else from the first place found. */
    public static Path copyInto(Path workDir, Path explicitDir) {
        try {
            Files.createDirectories(workDir);
            Path target = workDir.resolve(SPEC_FILE);
            Path dir = explicitDir != null ? explicitDir : findDirectory();
            if (dir != null) {
                Path source = dir.resolve(SPEC_FILE);
                if (!Files.isRegularFile(source)) {
                    throw new IllegalArgumentException("no " + SPEC_FILE + " in " + dir);
                }
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            }
            try (InputStream bundled = SpecSource.class.getResourceAsStream("/spec/" + SPEC_FILE)) {
                if (bundled == null) {
                    throw new IllegalArgumentException("cannot find " + SPEC_FILE + "; pass --spec-dir");
                }
                Files.copy(bundled, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec directory on disk, or null when only the bundled copy is available. */
    public static Path findDirectory() {
        String specDir = System.getProperty("stagger.spec.dir");
        if (specDir != null) {
            return Path.of(specDir);
        }
        String root = System.getProperty("stagger.root");
        if (root != null && Files.isRegularFile(Path.of(root, "spec", SPEC_FILE))) {
            return Path.of(root, "spec");
        }
        Path fromJar = repositoryAroundJar();
        if (fromJar != null && Files.isRegularFile(fromJar.resolve("spec").resolve(SPEC_FILE))) {
            return fromJar.resolve("spec");
        }
        return null;
    }

    /** The repository root when running from {@code <repo>/model-check/target/...}, or null. */
    static Path repositoryAroundJar() {
        try {
            Path location = Path.of(SpecSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = location; dir != null; dir = dir.getParent()) {
                if (dir.getFileName() != null && dir.getFileName().toString().equals("target")
                        && dir.getParent() != null && dir.getParent().getFileName() != null
                        && dir.getParent().getFileName().toString().equals("model-check")) {
                    return dir.getParent().getParent();
                }
            }
            return null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
