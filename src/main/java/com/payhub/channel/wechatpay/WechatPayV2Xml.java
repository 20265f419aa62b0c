package com.payhub.channel.wechatpay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * WeChat Pay API v2 XML: the flat {@code <xml><k>v</k>…</xml>} body read into a map, and the
 * success acknowledgement. Any DOCTYPE is refused, so neither external entities (XXE) nor entity
 * expansion bombs get through.
 */
public final class WechatPayV2Xml {

  /** The body that tells WeChat a v2 notification was handled; anything else makes it resend. */
  public static final String ACK_SUCCESS =
      "<xml><return_code><![CDATA[SUCCESS]]></return_code>"
          + "<return_msg><![CDATA[OK]]></return_msg></xml>";

  // errors still throw; nothing of the (untrusted) body is printed
  private static final ErrorHandler QUIET =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private WechatPayV2Xml() {}

  public static Map<String, String> parse(String xml) {
    if (xml == null) {
      throw new WechatPayMalformedMessageException("v2 body is empty");
    }
    return parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The root's child elements as name → text (CDATA unwrapped); a repeated name keeps the last
   * value, as the official {@code WXPayUtil.xmlToMap}.
   *
   * @throws WechatPayMalformedMessageException for broken XML or any DOCTYPE
   */
  public static Map<String, String> parse(byte[] xml) {
    Document doc;
    try {
      doc = newBuilder().parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException e) {
      throw new WechatPayMalformedMessageException("v2 body is not acceptable XML", e);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    NodeList children = doc.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        fields.put(child.getNodeName(), child.getTextContent());
      }
    }
    return fields;
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(QUIET); // the default handler prints to stderr
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be made XXE-safe", e);
    }
  }
}
