// Package wirekit holds small clients of every ucfake face, speaking each
// protocol as an outside client would (SOAP over HTTP, IMAP through
// go-imap's client, SIP over raw TCP, JSON over HTTP). The whole-server
// tests use them: durability across kill -9, resets under load, isolation
// between tenants. Each call has a deadline: no test waits for ever.
package wirekit
