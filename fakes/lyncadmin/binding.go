package lyncadmin

import (
	"net/http"
	"slices"
	"sort"
	"strings"
)

// ErrParameterBinding is a call PowerShell would refuse before running
// the cmdlet: an unknown parameter ("A parameter cannot be found that
// matches parameter name 'X'."), an ambiguous abbreviation, a parameter
// given twice, a mandatory one missing.
var ErrParameterBinding = &Error{Kind: "ParameterBindingException", Status: http.StatusBadRequest, Message: "parameter binding failed"}

// ErrCommonParameter is one of PowerShell's common parameters (-Verbose,
// -WhatIf, ...), which every cmdlet takes but ucfake does not model.
var ErrCommonParameter = &Error{Kind: "CommonParameterNotModelled", Status: http.StatusBadRequest, Message: "common parameters are not modelled"}

// commonParameters are PowerShell's common parameters; changing cmdlets
// also take WhatIf and Confirm.
var commonParameters = []string{"Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable",
	"WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable"}

// bind binds the parameters sent to the cmdlet's, as PowerShell does:
// names case-insensitively, an unambiguous prefix standing for the whole
// name. It returns them under the cmdlet's spelling.
func bind(c cmdletDef, sent params) (params, error) {
	candidates := append(append([]string{}, c.params...), commonParameters...)
	if !strings.HasPrefix(strings.ToLower(c.name), "get-") {
		candidates = append(candidates, "WhatIf", "Confirm")
	}
	out := params{}
	for _, given := range sortedNames(sent) {
		name, err := resolveParameter(candidates, given)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(c.params, name) {
			return nil, ErrCommonParameter.with("ucfake does not model PowerShell's common parameter -%s", name)
		}
		if _, twice := out[name]; twice {
			return nil, ErrParameterBinding.with("Cannot bind parameter because parameter '%s' is specified more than once.", name)
		}
		out[name] = sent[given]
	}
	return out, nil
}

// resolveParameter finds the parameter a name given stands for.
func resolveParameter(candidates []string, given string) (string, error) {
	var prefixed []string
	for _, c := range candidates {
		if strings.EqualFold(c, given) {
			return c, nil
		}
		if given != "" && len(given) < len(c) && strings.EqualFold(c[:len(given)], given) {
			prefixed = append(prefixed, c)
		}
	}
	switch len(prefixed) {
	case 0:
		return "", ErrParameterBinding.with("A parameter cannot be found that matches parameter name '%s'.", given)
	case 1:
		return prefixed[0], nil
	}
	return "", ErrParameterBinding.with("Parameter cannot be processed because the parameter name '%s' is ambiguous. Possible matches include: -%s.",
		given, strings.Join(prefixed, " -"))
}

// missingMandatory is PowerShell's refusal of a call without a mandatory
// parameter.
func missingMandatory(name string) error {
	return ErrParameterBinding.with("Cannot process command because of one or more missing mandatory parameters: %s.", name)
}

func sortedNames(p params) []string {
	names := make([]string, 0, len(p))
	for k := range p {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
