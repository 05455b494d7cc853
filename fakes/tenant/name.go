package tenant

import "fmt"

// Default is the tenant of requests that name none.
const Default = "default"

// MaxNameLen is the longest tenant name (a DNS label).
const MaxNameLen = 63

// ValidateName checks that name is a DNS label: 1 to 63 lower-case ASCII
// letters, digits and hyphens, starting and ending with a letter or digit.
// The error says what is wrong without echoing control characters.
func ValidateName(name string) error {
	if name == "" || len(name) > MaxNameLen {
		return fmt.Errorf("a tenant name is 1 to %d characters, got %d", MaxNameLen, len(name))
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0 && i < len(name)-1
		if !ok {
			return fmt.Errorf("a tenant name is a DNS label (lower-case letters, digits and inner hyphens); character %d (%q) is not allowed", i+1, rune(c))
		}
	}
	return nil
}
