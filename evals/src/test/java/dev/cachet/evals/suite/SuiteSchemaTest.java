package dev.cachet.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema for editors and the reader must agree: on the bundled suites, and on each invalid one, field by field. */
class SuiteSchemaTest {
    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SuiteSchemaTest.class.getResourceAsStream("/suite.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static List<Error> schemaErrors(String yaml) {
        return schema.validate(yaml, InputFormat.YAML);
    }

    /** Where the schema found the error, written as the reader writes it: {@code tasks[0].colour}. */
    private static String field(Error error) {
        String path = "";
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            path = location.getElement(i) instanceof Integer index
                    ? YamlNode.elementPath(path, index)
                    : YamlNode.memberPath(path, location.getName(i));
        }
        // A missing or an unknown property is reported at its mapping, naming the property.
        return error.getProperty() == null ? path : YamlNode.memberPath(path, error.getProperty());
    }

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(SuiteReaderTest.FIXTURES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void the_bundled_suites_are_valid_for_both(Path fixture) throws IOException {
        assertThat(schemaErrors(Files.readString(fixture))).isEmpty();
        assertThat(Suite.read(fixture).tasks()).isNotEmpty();
    }

    static Stream<InvalidSuites.Case> invalidSuites() {
        return InvalidSuites.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSuites")
    void an_invalid_suite_is_rejected_by_both(InvalidSuites.Case invalid) throws IOException {
        Path file = Files.writeString(dir.resolve("suite.yaml"), invalid.yaml());

        assertThat(schemaErrors(invalid.yaml())).extracting(SuiteSchemaTest::field).containsExactly(invalid.field());
        assertThatThrownBy(() -> Suite.read(file)).isInstanceOf(SuiteFormatException.class);
    }

    @Test
    void the_schema_is_draft_2020_12() {
        assertThat(schema.getSchemaNode().get("$schema").asText())
                .isEqualTo(SpecificationVersion.DRAFT_2020_12.getDialectId());
    }
}
