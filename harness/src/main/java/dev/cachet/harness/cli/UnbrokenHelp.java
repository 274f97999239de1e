package dev.cachet.harness.cli;

import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's help, with the command's description and the options' descriptions wrapped between words only: its
 * own wrapping (Java's line BreakIterator) breaks after a dot, a slash, a colon or a hyphen, inside "results.jsonl",
 * "~/.config", "anthropic:claude-sonnet-4-6" or "--max-turns".
 */
final class UnbrokenHelp extends Help {
    UnbrokenHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        TextTable table = UnbrokenTable.like(scheme, TextTable.forDefaultColumns(scheme,
                calcLongOptionColumnWidth(options, positionals, scheme), commandSpec().usageMessage().width()));
        table.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
    }

    /** As picocli renders it: each paragraph formatted with {@code params}, wrapped to the usage width. */
    @Override
    public String description(Object... params) {
        TextTable table = new UnbrokenTable(colorScheme(),
                new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        table.indentWrappedLines = 0;
        for (String paragraph : commandSpec().usageMessage().description()) {
            for (Ansi.Text line : colorScheme().text(String.format(paragraph, params)).splitLines()) {
                table.addRowValues(line);
            }
        }
        return table.toString();
    }
}
