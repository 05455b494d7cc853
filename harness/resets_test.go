package harness_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/remote"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// TestThousandResetsWithAClientOnEveryProtocol resets the default tenant
// 1,000 times while a client of every face keeps working on it, and
// expects no error on any side, and every face to greet and answer
// afterwards, on the connections it already had and on new ones.
func TestThousandResetsWithAClientOnEveryProtocol(t *testing.T) {
	_, eps := serveAll(t, harness.TenantsOptions{})
	ctl := &remote.Client{Base: "http://" + eps[harness.FaceControl]}
	ews := &wirekit.EWS{URL: "http://" + eps[harness.FaceEWS] + "/EWS/Exchange.asmx", User: "assistant@contoso.com", Pass: pass}
	im, err := wirekit.DialIMAP(eps[harness.FaceIMAP], "assistant@contoso.com", pass)
	if err != nil {
		t.Fatal(err)
	}
	defer im.Close()
	sc, err := wirekit.DialSIP(eps[harness.FaceSIP])
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()

	var errs errList
	stop := make(chan struct{})
	var wg sync.WaitGroup
	traffic := map[string]func(int) error{
		"ews":  func(int) error { _, err := ews.GetDelegates("assistant@contoso.com"); return err },
		"imap": func(int) error { im.Extend(30 * time.Second); _, err := im.Messages("INBOX"); return err },
		"sip": func(int) error {
			return sipOK(sc.Request("OPTIONS", "sip:contoso.com", "sip:assistant@contoso.com", "", ""))
		},
		"ucwa": func(i int) error {
			return wirekit.UCWAMeeting("http://"+eps[harness.FaceUCWA], "assistant@contoso.com", pass, fmt.Sprint("during-", i))
		},
		"admin": func(int) error {
			return wirekit.Cmdlet("http://"+eps[harness.FaceAdmin], "Get-CsClientPolicy", map[string]any{})
		},
	}
	var calls atomic.Int64
	for name, call := range traffic {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if err := call(i); err != nil {
					errs.add(name, err)
				}
				calls.Add(1)
			}
		}()
	}
	start := time.Now()
	for i := 0; i < 1000; i++ {
		if err := ctl.Reset(context.Background()); err != nil {
			errs.add("reset", err)
		}
	}
	elapsed := time.Since(start)
	close(stop)
	wg.Wait()
	errs.check(t)
	t.Logf("1000 resets in %v (%v each) beside %d calls on the other faces", elapsed, elapsed/1000, calls.Load())
	answersAfterResets(t, eps, im, sc)
}

// answersAfterResets checks the old connections and new ones.
func answersAfterResets(t *testing.T, eps map[string]string, im *wirekit.IMAP, sc *wirekit.SIP) {
	t.Helper()
	im.Extend(30 * time.Second)
	if err := im.Noop().Wait(); err != nil {
		t.Fatalf("IMAP NOOP on the old connection: %v", err)
	}
	if _, err := im.AppendMessage("INBOX", "after-the-resets"); err != nil {
		t.Fatalf("IMAP APPEND on the old connection: %v", err)
	}
	if _, err := im.Select("INBOX", nil).Wait(); err != nil {
		t.Fatalf("IMAP SELECT on the old connection: %v", err)
	}
	msgs, err := im.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{Envelope: true}).Collect()
	if err != nil || len(msgs) != 1 || msgs[0].Envelope.Subject != "after-the-resets" {
		t.Fatalf("IMAP FETCH after SELECT: %v %v", msgs, err)
	}
	if err := sipOK(sc.AddConference("sip:manager@contoso.com", "AFTERRESET1")); err != nil {
		t.Fatalf("SIP on the old connection: %v", err)
	}
	fresh, err := wirekit.DialIMAP(eps[harness.FaceIMAP], "manager@contoso.com", pass)
	if err != nil {
		t.Fatalf("a new IMAP connection: %v", err)
	}
	fresh.Close()
	sc2, err := wirekit.DialSIP(eps[harness.FaceSIP])
	if err != nil {
		t.Fatal(err)
	}
	defer sc2.Close()
	if err := sipOK(sc2.Request("OPTIONS", "sip:contoso.com", "sip:manager@contoso.com", "", "")); err != nil {
		t.Fatalf("a new SIP connection: %v", err)
	}
}

func sipOK(status int, body string, err error) error {
	if err == nil && status != 200 {
		err = fmt.Errorf("SIP %d %.200s", status, body)
	}
	return err
}

// errList collects errors from several goroutines.
type errList struct {
	mu   sync.Mutex
	list []string
}

func (e *errList) add(who string, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.list = append(e.list, who+": "+err.Error())
}

func (e *errList) check(t *testing.T) {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.list) > 0 {
		t.Fatalf("%d errors, the first: %s", len(e.list), strings.Join(e.list[:min(5, len(e.list))], "\n"))
	}
}
