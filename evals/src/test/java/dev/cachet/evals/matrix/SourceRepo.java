package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.RunBudget;
import dev.cachet.evals.suite.SuiteTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository made with JGit, one commit on main, and suite tasks on it. */
record SourceRepo(Path directory, String head) {
    private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com");

    static SourceRepo create(Path directory, Map<String, String> files) throws Exception {
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
            for (var file : files.entrySet()) {
                Files.createDirectories(directory.resolve(file.getKey()).getParent());
                Files.writeString(directory.resolve(file.getKey()), file.getValue());
            }
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage("start").setAuthor(AUTHOR).setCommitter(AUTHOR)
                    .setSign(false).call();
            return new SourceRepo(directory, commit.name());
        }
    }

    SuiteTask task(String id, String check) {
        return task(id, check, Duration.ofSeconds(30));
    }

    SuiteTask task(String id, String check, Duration checkTimeout) {
        return task(id, check, checkTimeout, List.of());
    }

    SuiteTask task(String id, String check, Duration checkTimeout, List<String> checkFiles) {
        RunBudget budget = new RunBudget(Optional.empty(), 10, OptionalDouble.empty(), Duration.ofMinutes(1),
                checkTimeout);
        return new SuiteTask(id, directory.toString(), "main", Optional.empty(), "fix " + id, check, budget,
                List.of(), checkFiles, false);
    }
}
