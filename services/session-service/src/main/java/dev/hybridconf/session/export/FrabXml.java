package dev.hybridconf.session.export;

import java.io.StringWriter;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The schedule in Frab's XML ({@code schedule.xml}): {@code <schedule>} with {@code <version>},
 * {@code <conference>}, then per day {@code <day index date start end>}, per room
 * {@code <room name guid>}, per session {@code <event guid id>} with its fields as elements.
 */
final class FrabXml {

    private FrabXml() {
    }

    static String write(FrabSchedule schedule) {
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = xml.createElement("schedule");
            xml.appendChild(root);
            Element generator = child(xml, root, "generator", null);
            generator.setAttribute("name", "hybridconf session-service");
            generator.setAttribute("version", "1");
            child(xml, root, "version", schedule.version());
            Element conference = child(xml, root, "conference", null);
            child(xml, conference, "acronym", schedule.acronym());
            child(xml, conference, "title", schedule.title());
            child(xml, conference, "start", schedule.conference().startDate().toString());
            child(xml, conference, "end", schedule.conference().endDate().toString());
            child(xml, conference, "days", Integer.toString(schedule.days().size()));
            child(xml, conference, "timeslot_duration", schedule.timeslot());
            child(xml, conference, "base_url", schedule.baseUrl());
            child(xml, conference, "time_zone_name", schedule.conference().timeZone().getId());
            if (schedule.url() != null) {
                child(xml, conference, "url", schedule.url());
            }
            for (FrabSchedule.Day day : schedule.days()) {
                Element dayElement = child(xml, root, "day", null);
                dayElement.setAttribute("index", Integer.toString(day.index()));
                dayElement.setAttribute("date", day.date().toString());
                dayElement.setAttribute("start", day.start());
                dayElement.setAttribute("end", day.end());
                for (var room : day.rooms().entrySet()) {
                    Element roomElement = child(xml, dayElement, "room", null);
                    roomElement.setAttribute("name", room.getKey());
                    schedule.rooms().stream().filter(r -> r.name().equals(room.getKey())).findFirst()
                            .ifPresent(r -> roomElement.setAttribute("guid", r.guid()));
                    room.getValue().forEach(event -> event(xml, roomElement, event));
                }
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("could not write the schedule XML", e);
        }
    }

    private static void event(Document xml, Element room, FrabSchedule.Event event) {
        Element element = child(xml, room, "event", null);
        element.setAttribute("guid", event.guid());
        element.setAttribute("id", Integer.toString(event.id()));
        child(xml, element, "date", event.date());
        child(xml, element, "start", event.start());
        child(xml, element, "duration", event.duration());
        child(xml, element, "room", event.room());
        child(xml, element, "slug", event.slug());
        child(xml, element, "url", event.url());
        Element recording = child(xml, element, "recording", null);
        child(xml, recording, "license", "");
        child(xml, recording, "optout", Boolean.toString(event.doNotRecord()));
        child(xml, element, "title", event.title());
        child(xml, element, "subtitle", event.subtitle());
        child(xml, element, "track", event.track());
        child(xml, element, "type", event.type());
        child(xml, element, "language", event.language());
        child(xml, element, "abstract", event.abstractText());
        child(xml, element, "description", event.description());
        Element persons = child(xml, element, "persons", null);
        for (FrabSchedule.Person person : event.persons()) {
            child(xml, persons, "person", person.name()).setAttribute("id", Integer.toString(person.id()));
        }
        child(xml, element, "links", null);
        child(xml, element, "attachments", null);
    }

    private static Element child(Document xml, Element parent, String name, String text) {
        Element element = xml.createElement(name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

}
