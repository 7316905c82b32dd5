package bot

import (
	"strings"

	"github.com/slack-go/slack"
)

// helpWords are questions that ask for help rather than for a person.
var helpWords = map[string]bool{
	"": true, "help": true, "hulp": true, "?": true, "uitleg": true, "info": true, "hoe werkt dit": true,
}

// isHelp reports whether a cleaned question asks how the bot works.
func isHelp(question string) bool {
	q := strings.ToLower(strings.Trim(strings.TrimSpace(question), "!.? "))
	return helpWords[q]
}

// Help explains the bot with examples, in Dutch; /wie without a question
// and "help" show it.
func Help() Message {
	text := strings.Join([]string{
		"*Hoi! Ik ben wieiswie.* Ik zoek voor jou op wie wat doet in ons lokaal bestuur: wie een functie heeft, hoe je iemand bereikt en wat een functie inhoudt.",
		"",
		"*Stel je vraag in gewone taal, bijvoorbeeld:*",
		"• `/wie wie is algemeen directeur`",
		"• `/wie telefoonnummer van de burgemeester`",
		"• `/wie welke functies heeft Miet Gobert`",
		"• `/wie wat doet de financieel directeur`",
		"• `/wie wie behandelt klachten`",
	}, "\n")
	return Message{
		Text: "wieiswie zoekt wie wat doet in het lokaal bestuur. Vraag bv. /wie wie is algemeen directeur",
		Blocks: []slack.Block{
			header("wieiswie: wie doet wat?"),
			section(text),
			section(waysToAsk()),
			contextBlock("Klopt een antwoord niet? Laat het weten met 👎 onder het antwoord."),
		},
	}
}

// waysToAsk lists where people can ask, for the help and the home tab.
func waysToAsk() string {
	return strings.Join([]string{
		"*Waar kan je me vragen?*",
		"• Met `/wie` in eender welk kanaal: alleen jij ziet het antwoord. Met *Deel in kanaal* zet je het voor iedereen in het kanaal.",
		"• Door me te vermelden in een kanaal, bv. `@wieiswie wie is …`: ik antwoord in een draad onder je vraag.",
		"• In een rechtstreeks bericht aan mij.",
	}, "\n")
}
