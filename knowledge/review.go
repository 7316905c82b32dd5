package knowledge

import "fmt"

// Review reports what makes loaded documents unanswerable although they
// read fine: a person card nobody finds by a function, aliases that lead
// to no role, a function description nobody holds, an empty folder. The
// loader's own problems say what could not be read; these say what an
// editor should add. dir names the folder in the empty-folder problem.
func Review(dir string, docs []Document) []Problem {
	if len(docs) == 0 {
		return []Problem{{File: dir, Message: "lege kennismap: geen documenten om uit te antwoorden; zet er .docx-, .odt-, .pdf-, .html-, .md- of .txt-bestanden in"}}
	}
	var problems []Problem
	for _, d := range docs {
		switch {
		case d.Kind == KindPerson && len(d.Functions) == 0:
			problems = append(problems, Problem{File: d.Source,
				Message: "persoon zonder functies: niemand vindt deze persoon via een functie; voeg een tabel Bestuur | Functie (of functions: in de front matter) toe"})
		case d.Kind == KindFunction && len(d.Holders) == 0 && len(d.HolderMentions) == 0:
			problems = append(problems, Problem{File: d.Source,
				Message: fmt.Sprintf("functiebeschrijving zonder houder: geen persoon met de functie %q gevonden; maak een persoonskaart met die functie of noem de houder op een overzichtspagina", d.Role)})
		}
		if len(d.Aliases) > 0 && len(d.Functions) == 0 && d.Role == "" {
			problems = append(problems, Problem{File: d.Source,
				Message: "aliassen zonder functie of rol: een vraag met een alias vindt geen functie; geef het document functions: of role:"})
		}
	}
	return problems
}

// Severity is "error" for a file that was not loaded, else "warning".
func (p Problem) Severity() string {
	if p.Skipped {
		return "error"
	}
	return "warning"
}
