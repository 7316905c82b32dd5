package bot

import (
	"strings"
)

// Slack treats &, < and > as control characters in every text object: a
// document saying "<!channel>" would ping a whole channel and "<@U123>" would
// mention someone. Everything that comes from a document or a user goes
// through one of these functions before it is put in a message.

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeText escapes Slack's control characters; for plain_text objects,
// button values and the message's fallback text.
func escapeText(s string) string { return textEscaper.Replace(s) }

// docEscaper also replaces mrkdwn's formatting characters. mrkdwn has no
// backslash escape, and a stray "*" or "`" in a document would pair up with
// the bot's own bold markers around highlights, so they become look-alikes.
// "_" is left alone: it only formats at word boundaries and occurs in e-mail
// addresses and file names.
var docEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	"*", "∗", // U+2217 ASTERISK OPERATOR
	"`", "ˋ", // U+02CB MODIFIER LETTER GRAVE ACCENT
	"~", "∼", // U+223C TILDE OPERATOR
)

// escapeMrkdwn makes document or user text inert inside a mrkdwn object.
func escapeMrkdwn(s string) string { return docEscaper.Replace(s) }

var textUnescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// unescapeText reverses escapeText: Slack delivers message text escaped, and
// button values come back as the bot escaped them.
func unescapeText(s string) string { return textUnescaper.Replace(s) }

// bold wraps already escaped text in mrkdwn bold markers.
func bold(escaped string) string {
	if strings.TrimSpace(escaped) == "" {
		return escaped
	}
	return "*" + escaped + "*"
}

// telURL keeps only the digits and a leading + of a phone number, which is
// all a tel: link needs and leaves nothing that could break out of <…|…>.
func telURL(phone string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(phone) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// phoneLink renders a phone number as a tel: link, or as plain escaped text
// when it has too few digits to dial.
func phoneLink(phone string) string {
	num := telURL(phone)
	if len(strings.TrimPrefix(num, "+")) < 3 {
		return escapeMrkdwn(phone)
	}
	return "<tel:" + num + "|" + escapeMrkdwn(strings.TrimSpace(phone)) + ">"
}

// emailLink renders an address as a mailto: link when it is plain enough to
// be one; anything odd is shown as escaped text instead.
func emailLink(email string) string {
	email = strings.TrimSpace(email)
	at := strings.IndexByte(email, '@')
	if at <= 0 || at == len(email)-1 || strings.ContainsAny(email, " \t\n<>|&\"'*`~") {
		return escapeMrkdwn(email)
	}
	return "<mailto:" + email + "|" + email + ">"
}

// webLink renders an http(s) address as a link with the address as label;
// "|" would end the URL part early, so it is percent-encoded.
func webLink(site string) string {
	site = strings.TrimSpace(site)
	lower := strings.ToLower(site)
	target := site
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		if strings.ContainsAny(site, " \t\n") || !strings.Contains(site, ".") {
			return escapeMrkdwn(site)
		}
		target = "https://" + site
	}
	if strings.ContainsAny(target, " \t\n") {
		return escapeMrkdwn(site)
	}
	target = strings.ReplaceAll(escapeText(target), "|", "%7C")
	return "<" + target + "|" + escapeMrkdwn(site) + ">"
}
