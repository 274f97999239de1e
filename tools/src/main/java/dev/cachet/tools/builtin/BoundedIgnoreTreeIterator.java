package dev.cachet.tools.builtin;

import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.files.IgnoreRules;
import dev.cachet.tools.files.TimeLimit;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.util.RawParseUtils;
import org.eclipse.jgit.util.SystemReader;

/**
 * The work tree as git_status walks it, its ignore rules bounded as the file tools bound them ({@link IgnoreRules})
 * and matched within the tool's time limit. JGit's own iterator parses every ignore file whole and matches its
 * rules where neither a clock nor a stop can end them; this one never asks it to.
 */
final class BoundedIgnoreTreeIterator extends FileTreeIterator {
    /** A match the time limit or a stop ended, through JGit, which passes on only an IOException. */
    static final class Stopped extends IOException {
        Stopped(ToolException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Walk walk;
    private final BoundedIgnoreTreeIterator above;
    /** The folder's path from the work tree, with a trailing '/'; empty at the root. */
    private final String folder;
    /** This folder's ignore files, the first with an opinion deciding: .gitignore, then at the root the excludes. */
    private final List<IgnoreRules> levels;
    private Boolean insideIgnored;

    private record Walk(ToolContext context, TimeLimit limit, List<String> leftOut) {}

    private BoundedIgnoreTreeIterator(Repository repository, Walk walk) {
        super(repository);
        this.walk = walk;
        this.above = null;
        this.folder = "";
        this.insideIgnored = false;
        // Later levels give way to earlier ones, as git ranks them: core.excludesFile lowest.
        IgnoreRules excludesFile = excludesFile(repository).map(this::excludes).orElse(IgnoreRules.NONE);
        IgnoreRules infoExclude = inside(".git/info/exclude", List.of(excludesFile));
        this.levels = List.of(inside(".gitignore", List.of(excludesFile, infoExclude)), infoExclude, excludesFile);
    }

    private BoundedIgnoreTreeIterator(BoundedIgnoreTreeIterator above, File directory, String folder) {
        super(above, directory, above.fs, above.fileModeStrategy);
        this.walk = above.walk;
        this.above = above;
        this.folder = folder;
        this.levels = List.of(inside(folder + ".gitignore", above.inScope()));
    }

    /** The root of a walk whose rules match until the command timeout; what of them is left out goes to {@code leftOut}. */
    static BoundedIgnoreTreeIterator root(Repository repository, ToolContext context, List<String> leftOut) {
        return new BoundedIgnoreTreeIterator(repository, new Walk(context, TimeLimit.of(context.commandTimeout()), leftOut));
    }

    @Override
    protected AbstractTreeIterator enterSubtree() {
        return new BoundedIgnoreTreeIterator(this, ((FileEntry) current()).getFile(), getEntryPathString() + "/");
    }

    @Override
    protected boolean isEntryIgnored(int pathLength) throws IOException {
        return ignored(RawParseUtils.decode(StandardCharsets.UTF_8, path, 0, pathLength), FileMode.TREE.equals(mode));
    }

    // Git's rule: nothing below an ignored folder is taken back; otherwise the deepest ignore file with an opinion decides.
    private boolean ignored(String entry, boolean directory) throws IOException {
        if (insideIgnored()) {
            return true;
        }
        try {
            for (BoundedIgnoreTreeIterator at = this; at != null; at = at.above) {
                for (IgnoreRules rules : at.levels) {
                    Optional<Boolean> verdict = rules.verdict(entry.substring(at.folder.length()), directory, walk.limit());
                    if (verdict.isPresent()) {
                        return verdict.get();
                    }
                }
            }
        } catch (ToolException e) {
            throw new Stopped(e);
        }
        return false;
    }

    private boolean insideIgnored() throws IOException {
        if (insideIgnored == null) {
            insideIgnored = above.ignored(folder.substring(0, folder.length() - 1), true);
        }
        return insideIgnored;
    }

    private List<IgnoreRules> inScope() {
        List<IgnoreRules> rules = new ArrayList<>();
        for (BoundedIgnoreTreeIterator at = this; at != null; at = at.above) {
            rules.addAll(at.levels);
        }
        return rules;
    }

    // An ignore file in the work tree is read as the file tools read it, never through a link; one that is missing,
    // not a regular file or too large ignores nothing.
    private IgnoreRules inside(String file, List<IgnoreRules> above) {
        Path path = walk.context().workspace().root().resolve(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return IgnoreRules.NONE;
            }
            byte[] content = walk.context().files().read(walk.context().workspace().path(file), IgnoreRules.MAX_FILE_BYTES);
            return parsed(file, content, above);
        } catch (IOException | ToolException e) {
            return IgnoreRules.NONE;
        }
    }

    // The user's own excludes file, which JGit read too: one in the workspace, which .git/config can name, is read
    // as the others are; one outside it only if it is a regular file.
    private IgnoreRules excludes(Path file) {
        Path root = walk.context().workspace().root();
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            return inside(root.relativize(absolute).toString(), List.of());
        }
        try {
            if (!Files.isRegularFile(absolute) || Files.size(absolute) > IgnoreRules.MAX_FILE_BYTES) {
                return IgnoreRules.NONE;
            }
            return parsed("core.excludesFile", Files.readAllBytes(absolute), List.of());
        } catch (IOException e) {
            return IgnoreRules.NONE;
        }
    }

    private IgnoreRules parsed(String shown, byte[] content, List<IgnoreRules> above) throws IOException {
        IgnoreRules rules = IgnoreRules.parse(shown, new ByteArrayInputStream(content), above);
        rules.leftOut().ifPresent(walk.leftOut()::add);
        return rules;
    }

    // Where JGit looks: core.excludesFile, else git/ignore in the XDG config directory.
    private static Optional<Path> excludesFile(Repository repository) {
        try {
            Path configured = repository.getConfig().getPath("core", null, "excludesfile", repository.getFS(),
                    repository.getWorkTree(), null);
            if (configured != null) {
                return Optional.of(configured);
            }
            Path xdg = SystemReader.getInstance().getXdgConfigDirectory(repository.getFS());
            return Optional.ofNullable(xdg).map(directory -> directory.resolve("git").resolve("ignore"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
