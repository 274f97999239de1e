package dev.cachet.harness.chat;

import dev.cachet.context.message.ToolCall;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.files.WorkspaceFiles;
import dev.cachet.tools.files.WorkspacePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The file changes the agent made with {@code edit_file} and {@code write_file}, newest last, each with what the file
 * held before, so that {@code /undo} can put the last one back. A file is read before the tool runs and the change
 * is kept once the tool succeeded. Commands the agent runs change files too; those are not tracked.
 */
public final class FileChanges implements SessionListener {
    private static final long LIMIT_BYTES = 8L * 1024 * 1024;

    private final Workspace workspace;
    private final Map<String, Change> pending = new HashMap<>();
    private final Deque<Change> done = new ArrayDeque<>();

    public FileChanges(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One change: the file, what it held before (empty where the tool created it), and the turn that made it. */
    record Change(String path, Optional<byte[]> before, String tool, int turn) {}

    @Override
    public void on(SessionEvent event) {
        if (event instanceof SessionEvent.ToolCalled called && isFileChange(called.call())) {
            ToolCall call = called.call();
            call.textArgument("path").flatMap(path -> before(path).map(content -> new Change(path, content, call.name(),
                    called.turn()))).ifPresent(change -> pending.put(call.id(), change));
        } else if (event instanceof SessionEvent.ToolReturned returned) {
            Change change = pending.remove(returned.result().callId());
            if (change != null && !returned.result().error()) {
                done.addLast(change);
            }
        }
    }

    /** Puts the last change back and says what was done; empty when there is nothing to undo. */
    public Optional<String> undo() throws ToolException {
        Change last = done.pollLast();
        if (last == null) {
            return Optional.empty();
        }
        WorkspaceFiles files = workspace.files();
        if (last.before().isPresent()) {
            files.write(workspace.path(last.path()), last.before().get());
            return Optional.of("restored " + last.path() + " as it was before turn " + last.turn() + "'s " + last.tool());
        }
        files.delete(workspace.path(last.path()));
        return Optional.of("removed " + last.path() + ", which turn " + last.turn() + "'s " + last.tool() + " created");
    }

    private static boolean isFileChange(ToolCall call) {
        return call.name().equals("edit_file") || call.name().equals("write_file");
    }

    /** The file's bytes, or an empty content where there is no file; nothing where it cannot be read back. */
    private Optional<Optional<byte[]>> before(String path) {
        try {
            WorkspacePath at = workspace.path(path);
            if (workspace.files().kind(at).isEmpty()) {
                return Optional.of(Optional.empty());
            }
            return Optional.of(Optional.of(workspace.files().read(at, LIMIT_BYTES)));
        } catch (ToolException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
