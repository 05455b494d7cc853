package harness

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/ucfake/ucfake/fixtures"
)

// DecodeSnapshot reads a snapshot as Export writes it (JSON), refusing
// unknown fields and trailing data.
func DecodeSnapshot(data []byte) (Snapshot, error) {
	var s Snapshot
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Snapshot{}, fmt.Errorf("harness: not a snapshot: %w", err)
	}
	if dec.More() {
		return Snapshot{}, fmt.Errorf("harness: not a snapshot: trailing data")
	}
	return s, nil
}

// redact leaves out what may hold passwords: the users' passwords and a
// non-embedded fixture's text.
func (s *Snapshot) redact() {
	users := append(s.Exchange.Users[:0:0], s.Exchange.Users...)
	for i := range users {
		users[i].Password = ""
	}
	s.Exchange.Users = users
	if !s.Fixture.Embedded() {
		s.Fixture.YAML = ""
	}
}

// fillSecrets completes a redacted snapshot from cur, the world it is
// imported into: a user without a password keeps the password of the
// same user in cur, else gets fixtures.DefaultPassword; a non-embedded
// fixture without its text takes cur's when cur's fixture has its name.
func (s *Snapshot) fillSecrets(cur Snapshot) {
	known := map[string]string{}
	for _, u := range cur.Exchange.Users {
		known[string(u.ID())] = u.Password
	}
	for i, u := range s.Exchange.Users {
		if u.Password != "" {
			continue
		}
		if pw, ok := known[string(u.ID())]; ok && pw != "" {
			s.Exchange.Users[i].Password = pw
		} else {
			s.Exchange.Users[i].Password = fixtures.DefaultPassword
		}
	}
	named := isPath(s.Fixture.Name) || s.Fixture.Name == InlineFixture("").Name
	if s.Fixture.YAML == "" && named && cur.Fixture.Name == s.Fixture.Name {
		s.Fixture.YAML = cur.Fixture.YAML
	}
}
