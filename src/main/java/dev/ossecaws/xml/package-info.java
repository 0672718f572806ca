/** OSSEC's XML dialect (spec/xml.md) read into dom4j trees whose elements carry file and line; DTDs and entities are never resolved. */
package dev.ossecaws.xml;
