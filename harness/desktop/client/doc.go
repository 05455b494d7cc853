// Package client names the Lync client products ucfake simulates and their
// UI languages, with what each product can do. It is a leaf (it imports
// nothing of ucfake), so the fixtures and the control plane's wire types
// can name a client without the simulation; package desktop uses these
// types under its own names (desktop.ClientKind, desktop.Language).
//
// The names here are the one spelling of a client and a language:
// ParseKind and ParseLanguage accept them case-insensitively, with a few
// short forms, and their errors list what they accept.
package client
