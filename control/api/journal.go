package api

import "time"

// JournalEntry is one request of a tenant's journal: when it was answered
// (the world's time and real time), on which face, the operation, the
// caller, its key fields, the answer and what decided it.
type JournalEntry struct {
	Seq      uint64            `json:"seq"`
	At       time.Time         `json:"at"`
	Wall     time.Time         `json:"wall"`
	Face     string            `json:"face"`
	Op       string            `json:"op"`
	Identity string            `json:"identity,omitempty"`
	Fields   map[string]string `json:"fields"` // {} when none
	Status   string            `json:"status"` // an HTTP or SIP status, OK, NO, BAD, BYE, or dropped
	Code     string            `json:"code,omitempty"`
	Fault    *JournalFault     `json:"fault,omitempty"`
	Throttle *JournalThrottle  `json:"throttle,omitempty"`
	Duration string            `json:"duration"` // real time spent, a Go duration
}

// JournalFault is the scripted fault that fired on a request.
type JournalFault struct {
	ID   int    `json:"id"`
	Code string `json:"code,omitempty"`
	Drop bool   `json:"drop,omitempty"`
}

// JournalThrottle says why a request was refused to throttle its caller:
// reason budget, concurrency, early-retry or scripted; the back-off the
// answer asked for; for an early retry how long after the refusal it came
// and the back-off that refusal had asked for; and a note in words.
type JournalThrottle struct {
	Reason    string `json:"reason"`
	BackOffMs int64  `json:"backOffMs"`
	Early     bool   `json:"early"`
	WaitedMs  int64  `json:"waitedMs,omitempty"`
	ToldMs    int64  `json:"toldMs,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Journal is the body of GET /_ucfake/journal: the entries that match,
// how many entries the journal has let go that since could have reached,
// and how many it keeps.
type Journal struct {
	Entries []JournalEntry `json:"entries"`
	Dropped int            `json:"dropped"`
	Limit   int            `json:"limit"`
}

// Budget is one face's throttling budget, in the terms of Exchange's
// throttling policies, times in milliseconds: 0 or absent is unlimited
// (cost's default is 100).
type Budget struct {
	MaxConcurrency int   `json:"maxConcurrency,omitempty"`
	MaxBurst       int64 `json:"maxBurst,omitempty"`
	RechargeRate   int64 `json:"rechargeRate,omitempty"` // per hour
	CutoffBalance  int64 `json:"cutoffBalance,omitempty"`
	Cost           int64 `json:"cost,omitempty"`
}

// UserBudgets are one user's own budgets, replacing the tenant's for
// their faces.
type UserBudgets struct {
	User string  `json:"user"`
	EWS  *Budget `json:"ews,omitempty"`
	SIP  *Budget `json:"sip,omitempty"`
	UCWA *Budget `json:"ucwa,omitempty"`
}

// Budgets is a tenant's throttling: the budget of every user per face and
// users' own. {} is no throttling (the default).
type Budgets struct {
	EWS   *Budget       `json:"ews,omitempty"`
	SIP   *Budget       `json:"sip,omitempty"`
	UCWA  *Budget       `json:"ucwa,omitempty"`
	Users []UserBudgets `json:"users"`
}

// Versions are the server versions a tenant emulates, and what EWS says of
// its version in every response's ServerVersionInfo.
type Versions struct {
	Exchange          string             `json:"exchange"`
	Lync              string             `json:"lync"`
	ServerVersionInfo *ServerVersionInfo `json:"serverVersionInfo,omitempty"` // in answers only
}

// ServerVersionInfo is EWS's ServerVersionInfo header.
type ServerVersionInfo struct {
	MajorVersion     int    `json:"majorVersion"`
	MinorVersion     int    `json:"minorVersion"`
	MajorBuildNumber int    `json:"majorBuildNumber"`
	MinorBuildNumber int    `json:"minorBuildNumber"`
	Version          string `json:"version"`
}
