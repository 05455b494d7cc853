package desktop

import "testing"

func TestLabels(t *testing.T) {
	if LabelsFor(SvSE).DelegatesGroup != "Ombud" || LabelsFor("xx-XX").DelegatesGroup != "Delegates" {
		t.Error("labels")
	}
}
