package dev.cachet.evals.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Markup parsed as XML: parsing at all proves it well-formed. */
final class Documents {
    private Documents() {}

    static Document parse(String markup) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }

    static List<Element> elements(Document document, String localName) {
        return list(document.getElementsByTagNameNS("*", localName));
    }

    private static List<Element> list(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The elements of this name inside {@code parent}, such as the lines of one chart. */
    static List<Element> elementsIn(Element parent, String localName) {
        return list(parent.getElementsByTagNameNS("*", localName));
    }

    static List<String> texts(Document document, String localName) {
        return elements(document, localName).stream().map(Element::getTextContent).toList();
    }

    /** The cell texts of each row of the table with this class. */
    static List<List<String>> rows(Document document, String tableClass) {
        Element table = elements(document, "table").stream()
                .filter(t -> t.getAttribute("class").equals(tableClass)).findFirst().orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = table.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            NodeList cells = trs.item(i).getChildNodes();
            List<String> row = new ArrayList<>();
            for (int j = 0; j < cells.getLength(); j++) {
                row.add(cells.item(j).getTextContent());
            }
            rows.add(row);
        }
        return rows;
    }
}
