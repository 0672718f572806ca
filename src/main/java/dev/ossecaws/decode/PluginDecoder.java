package dev.ossecaws.decode;

import dev.ossecaws.event.Event;

/**
 * OSSEC's built-in decoders, chosen with {@code <plugin_decoder>} (spec/decoders.md §8). Each reads
 * the log in place of a regex, sets fields silently and stops at the first byte it does not
 * expect, keeping what it set.
 */
enum PluginDecoder {
  PF("PF_Decoder") {
    @Override
    void decode(Event event) {
      PfLog.decode(event);
    }
  },
  SONICWALL("SonicWall_Decoder") {
    @Override
    void decode(Event event) {
      SonicWallLog.decode(event);
    }
  },
  SYMANTEC_WS("SymantecWS_Decoder") {
    @Override
    void decode(Event event) {
      SymantecWsLog.decode(event);
    }
  },
  OSSEC_ALERT("OSSECAlert_Decoder") {
    @Override
    void decode(Event event) {
      OssecAlertLog.decode(event);
    }
  };

  /** The name {@code <plugin_decoder>} gives, exactly. */
  final String xmlName;

  PluginDecoder(String xmlName) {
    this.xmlName = xmlName;
  }

  abstract void decode(Event event);

  /** The plugin called {@code name} in XML, or null. */
  static PluginDecoder named(String name) {
    for (PluginDecoder plugin : values()) {
      if (plugin.xmlName.equals(name)) return plugin;
    }
    return null;
  }
}
