package io.stagger.harness.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one gate between a request's path and the file system: a relative path of plain names that resolves, symbolic
 * links followed, to a file or directory inside the root. Anything else (`..`, `.`, an absolute path, a backslash,
 * a NUL, a link that leads out of the tree, a missing file) is empty, and the server answers 404.
 */
public final class SafeFiles {
    private final Path root;

    /** A gate for {@code root}, which must exist. */
    public SafeFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /** The real path of {@code relative} under the root, if it is a plain relative path to something inside it. */
    public Optional<Path> resolve(String relative) {
        if (relative.isEmpty()) {
            return Optional.of(root);
        }
        if (relative.startsWith("/") || relative.contains("\\") || relative.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        for (String name : relative.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                return Optional.empty();
            }
        }
        try {
            Path real = root.resolve(relative).toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #resolve}, but only a regular file. */
    public Optional<Path> file(String relative) {
        return resolve(relative).filter(Files::isRegularFile);
    }

    /** Like {@link #resolve}, but only a directory. */
    public Optional<Path> directory(String relative) {
        return resolve(relative).filter(Files::isDirectory);
    }
}
