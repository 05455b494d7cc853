package exports

import (
	"errors"
	"strings"
)

// Parse reads every file, recognising each by its content, and returns
// their evidence together. Every file that cannot be read is refused with
// an *Error (file, line, what was expected); they are joined.
func Parse(files []File) (Evidence, error) {
	var e Evidence
	var errs []error
	for _, f := range files {
		fe, err := parseFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		e.add(fe)
	}
	return e, errors.Join(errs...)
}

func parseFile(f File) (Evidence, error) {
	text, err := f.text()
	if err != nil {
		return Evidence{}, err
	}
	switch {
	case strings.TrimSpace(text) == "":
		return Evidence{}, &Error{File: f.Name, Want: "an export (cmdlet output, a reg export or Configuration Information)", Got: "an empty file"}
	case isReg(text):
		keys, err := parseReg(f.Name, text)
		if err != nil {
			return Evidence{}, err
		}
		return registryDump(f, keys)
	case isSEFAUtil(text):
		return parseSEFAUtil(f.Name, text)
	case isConfigInfo(text):
		return parseConfigInfo(f, text)
	}
	recs, err := parseRecords(f.Name, text)
	if err != nil {
		return Evidence{}, err
	}
	if len(recs) == 0 {
		return Evidence{}, &Error{File: f.Name, Want: "at least one object of " + cmdletKinds}
	}
	return classify(recs)
}
