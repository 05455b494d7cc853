package journal

import (
	"encoding/json"
	"sort"
)

// Field is one key field of a request: the mailbox, the folder, the C3P
// from, ...
type Field struct{ Name, Value string }

// Fields are a request's key fields, in the order they were noted. In
// JSON they are an object of names and values.
type Fields []Field

// Get returns the value of the field name, or "".
func (f Fields) Get(name string) string {
	for _, x := range f {
		if x.Name == name {
			return x.Value
		}
	}
	return ""
}

// Map returns the fields as a map (empty, never nil).
func (f Fields) Map() map[string]string {
	m := make(map[string]string, len(f))
	for _, x := range f {
		m[x.Name] = x.Value
	}
	return m
}

// FieldsOf returns m's fields, sorted by name (nil for none).
func FieldsOf(m map[string]string) Fields {
	if len(m) == 0 {
		return nil
	}
	out := make(Fields, 0, len(m))
	for k, v := range m {
		out = append(out, Field{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// MarshalJSON writes the fields as an object.
func (f Fields) MarshalJSON() ([]byte, error) { return json.Marshal(f.Map()) }

// UnmarshalJSON reads an object of names and values.
func (f *Fields) UnmarshalJSON(b []byte) error {
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*f = FieldsOf(m)
	return nil
}
