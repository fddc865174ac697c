<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows a Circularity feed (Atom or RSS) opened in a browser as a readable page that explains how to follow it.
  Feed readers ignore this stylesheet and read the XML as usual.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="yes"/>

  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="subtitle" select="/atom:feed/atom:subtitle | /rss/channel/description"/>
  <xsl:variable name="home" select="/atom:feed/atom:link[@rel='alternate']/@href | /rss/channel/link"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          :root { color-scheme: light dark; --fg: #16181d; --muted: #4a4f59; --bg: #ffffff; --rule: #d9dce1; --link: #1a56a0; }
          @media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --muted: #b4b9c2; --bg: #121418; --rule: #343841; --link: #8ab4f8; } }
          body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
          main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          a { color: var(--link); }
          .note { border: 1px solid var(--rule); border-radius: 6px; padding: 0.75rem 1rem; }
          .muted, time { color: var(--muted); font-size: 0.875rem; }
          li { margin: 0 0 1.1rem; }
          ol { padding-left: 1.2rem; }
          code { font-size: max(0.9em, 0.75rem); overflow-wrap: anywhere; }
        </style>
      </head>
      <body>
        <main>
          <p class="muted">Circularity · feed</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$subtitle"/></p>
          <div class="note">
            <p><strong>This is a feed.</strong> To follow it, copy this page's address from the address bar into a feed reader (NetNewsWire, Feedly, Inoreader, Thunderbird or any other); new entries then arrive there as they are published. Nothing to install on this site, and no account.</p>
            <p>Or go back to <a href="{$home}">the page it follows</a>.</p>
          </div>
          <h2>Latest entries</h2>
          <ol>
            <xsl:for-each select="/atom:feed/atom:entry">
              <li>
                <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a><br/>
                <time datetime="{atom:updated}"><xsl:value-of select="substring(atom:updated, 1, 10)"/></time>
                <p><xsl:value-of select="atom:summary"/></p>
              </li>
            </xsl:for-each>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a><br/>
                <time><xsl:value-of select="pubDate"/></time>
                <p><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
