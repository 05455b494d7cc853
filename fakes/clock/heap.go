package clock

import "time"

// entry is one pending timer in a timerHeap: its due time as an offset
// from the clock's start and its creation number, held by value so that
// ordering reads no timer.
type entry struct {
	at  time.Duration
	seq uint64
	t   *virtualTimer
}

// timerHeap is a binary min-heap of entries ordered by due time, then by
// creation. Offsets saturate at about 292 years from the clock's start:
// timers due later than that fire in creation order among themselves.
type timerHeap []entry

func (h timerHeap) less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}

// push adds e.
func (h *timerHeap) push(e entry) {
	*h = append(*h, e)
	h.up(len(*h) - 1)
}

// pop removes and returns the least entry; h must not be empty.
func (h *timerHeap) pop() entry {
	old := *h
	top, n := old[0], len(old)-1
	old[0] = old[n]
	old[n] = entry{}
	*h = old[:n]
	h.down(0)
	return top
}

// without returns the heap without the entries drop selects, re-heaped.
func (h timerHeap) without(drop func(entry) bool) timerHeap {
	kept := h[:0]
	for _, e := range h {
		if !drop(e) {
			kept = append(kept, e)
		}
	}
	clear(h[len(kept):])
	for i := len(kept)/2 - 1; i >= 0; i-- {
		kept.down(i)
	}
	return kept
}

func (h timerHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func (h timerHeap) down(i int) {
	for {
		least, l := i, 2*i+1
		if l < len(h) && h.less(l, least) {
			least = l
		}
		if r := l + 1; r < len(h) && h.less(r, least) {
			least = r
		}
		if least == i {
			return
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
}
