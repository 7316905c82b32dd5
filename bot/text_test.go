package bot

import (
	"strings"
	"testing"
)

func TestCleanQuestion(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"<@UBOT0WIE> wie is algemeen directeur", "wie is algemeen directeur"},
		{"<@UBOT0WIE>, wie is algemeen directeur?", "wie is algemeen directeur?"},
		{"<@UBOT0WIE|wieiswie>: telefoon van <@U123> burgemeester", "telefoon van burgemeester"},
		{"hey <!here> wie doet <#C123|personeel> zaken", "hey wie doet personeel zaken"},
		{"wie is <mailto:jan@x.be|jan@x.be>", "wie is jan@x.be"},
		{"wie is <mailto:jan@x.be>", "wie is jan@x.be"},
		{"zie <https://knokke-heist.be/bestuur|de site> en <https://x.be>", "zie de site en https://x.be"},
		{"bel <tel:+3250630100|050 63 01 00>", "bel 050 63 01 00"},
		{"<!subteam^S123|@it-dienst> wie is dpo", "it-dienst wie is dpo"},
		{"wie &amp; wat &lt;dienst&gt;", "wie & wat <dienst>"},
		{"  wie\n\tis   dpo  ", "wie is dpo"},
		{"<@UBOT0WIE>", ""},
		{"<@UBOT0WIE> help", "help"},
	}
	for _, tt := range tests {
		if got := cleanQuestion(tt.in); got != tt.want {
			t.Errorf("cleanQuestion(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := cleanQuestion(strings.Repeat("wie ", 1000))
	if n := len([]rune(long)); n > maxQuestionRunes {
		t.Errorf("long question is %d runes", n)
	}
}

func TestIsHelp(t *testing.T) {
	for _, q := range []string{"", "help", "Help!", "hulp", "?", "uitleg", "hoe werkt dit?"} {
		if !isHelp(q) {
			t.Errorf("isHelp(%q) = false", q)
		}
	}
	for _, q := range []string{"wie is algemeen directeur", "helpdesk", "wie helpt bij klachten"} {
		if isHelp(q) {
			t.Errorf("isHelp(%q) = true", q)
		}
	}
}

func TestMentions(t *testing.T) {
	if !mentions("<@UBOT> hoi", "UBOT") || !mentions("hoi <@UBOT|wie>", "UBOT") {
		t.Error("mention not found")
	}
	if mentions("<@UBOTX> hoi", "UBOT") || mentions("hoi", "") {
		t.Error("false mention")
	}
}

func TestEscapeHelpers(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"text", escapeText("a & <b> *c*"), "a &amp; &lt;b&gt; *c*"},
		{"mrkdwn", escapeMrkdwn("a & <b> *c* `d` ~e~ _f_"), "a &amp; &lt;b&gt; ∗c∗ ˋdˋ ∼e∼ _f_"},
		{"unescape", unescapeText("a &amp;lt; &lt;b&gt;"), "a &lt; <b>"},
		{"tel", phoneLink("+32 (0)50 63-01-00"), "<tel:+32050630100|+32 (0)50 63-01-00>"},
		{"tel plus only first", phoneLink("0032+50"), "<tel:003250|0032+50>"},
		{"tel too short", phoneLink("<1>"), "&lt;1&gt;"},
		{"mail", emailLink("a.b@x.be"), "<mailto:a.b@x.be|a.b@x.be>"},
		{"mail hostile", emailLink("a|<!channel>@x.be"), "a|&lt;!channel&gt;@x.be"},
		{"mail no at", emailLink("nobody"), "nobody"},
		{"web", webLink("www.knokke-heist.be"), "<https://www.knokke-heist.be|www.knokke-heist.be>"},
		{"web pipe", webLink("https://x.be/a|b"), "<https://x.be/a%7Cb|https://x.be/a|b>"},
		{"web not a url", webLink("geen site"), "geen site"},
		{"bold empty", bold(" "), " "},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
