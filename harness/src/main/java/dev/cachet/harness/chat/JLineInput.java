package dev.cachet.harness.chat;

import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/**
 * The chat's prompt through JLine: line editing, history kept in a file across chats, Tab to complete a slash
 * command, and input over several lines (end a line with a backslash to go on on the next; pasted text keeps its
 * newlines).
 */
public final class JLineInput implements ChatInput {
    private final LineReader reader;

    /** @param history the file the prompt's history is kept in */
    public JLineInput(Terminal terminal, Path history, List<String> commands) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnEscapedNewLine(true);
        // Quotes mean nothing in a task: "don't" must not open a quote that swallows the next lines.
        parser.setEofOnUnclosedQuote(false);
        parser.setQuoteChars(new char[0]);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("cachet")
                .parser(parser)
                .completer(new StringsCompleter(commands))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /**
     * A line of output above the prompt while the user types at it, which is drawn again below with their input;
     * a plain line while nobody does.
     */
    void printAbove(String line) {
        reader.printAbove(line);
    }

    @Override
    public Input read(String prompt) {
        try {
            return new Input.Line(reader.readLine(prompt).replace("\\\n", "\n"));
        } catch (UserInterruptException e) {
            return new Input.Interrupt();
        } catch (EndOfFileException e) {
            return new Input.End();
        }
    }
}
