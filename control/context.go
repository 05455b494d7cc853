package control

import (
	"context"
	"net/http"
)

func contextWith(r *http.Request, n named) context.Context {
	return context.WithValue(r.Context(), tenantKey{}, n)
}

func tenantOf(r *http.Request) named {
	n, _ := r.Context().Value(tenantKey{}).(named)
	return n
}
