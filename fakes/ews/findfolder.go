package ews

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

type findFolderReq struct {
	Traversal string         `xml:"Traversal,attr"`
	Shape     *shapeEl       `xml:"FolderShape"`
	Indexed   *indexedViewEl `xml:"IndexedPageFolderView"`
	Parents   struct {
		IDs []folderIDEl `xml:",any"`
	} `xml:"ParentFolderIds"`
}

// findFolder lists the subfolders of each parent the caller may see:
// Shallow the children, Deep every descendant (depth first), SoftDeleted
// none (ucfake keeps no deleted folders). One FindFolderResponseMessage per
// parent.
func (h *Handler) findFolder(user exchange.User, op *opReader) (string, error) {
	var req findFolderReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	switch {
	case req.Shape == nil:
		return "", incomplete("FindFolder", "FolderShape")
	case len(req.Parents.IDs) == 0:
		return "", incomplete("FindFolder", "ParentFolderIds")
	}
	if err := checkFolderIDs(h.version(), req.Parents.IDs...); err != nil {
		return "", err
	}
	op.folders(user, req.Parents.IDs...)
	var msgs strings.Builder
	for _, fid := range req.Parents.IDs {
		body, err := h.subfolders(user, fid, req)
		msgs.WriteString(responseMessage("FindFolderResponseMessage", err, body))
	}
	return wrapResponse("FindFolder", msgs.String()), nil
}

// subfolders answers one parent.
func (h *Handler) subfolders(user exchange.User, fid folderIDEl, req findFolderReq) (string, error) {
	ref, err := fid.resolve(user)
	if err != nil {
		return "", err
	}
	if _, err := h.folderAccess(user, ref); err != nil {
		return "", err
	}
	var found []folderRef
	if req.Traversal != "SoftDeleted" {
		found = h.descendants(user, ref, req.Traversal == "Deep")
	}
	sh := shapeOf(req.Shape)
	var b strings.Builder
	start, end, _, _ := req.Indexed.bounds(len(found))
	for _, f := range found[start:end] {
		r, _ := h.folderAccess(user, f)
		el, err := h.folderXML(user, f, r, sh)
		if err != nil {
			return "", err
		}
		b.WriteString(el)
	}
	return fmt.Sprintf(`<m:RootFolder %s><t:Folders>%s</t:Folders></m:RootFolder>`, req.Indexed.rootAttrs(len(found)), b.String()), nil
}

// descendants lists the visible children of ref by name (as the BaseShape
// reference says FindFolder orders them), and theirs after each when deep.
func (h *Handler) descendants(user exchange.User, ref folderRef, deep bool) []folderRef {
	var out []folderRef
	kids := children(ref.folder.id, h.version())
	sort.SliceStable(kids, func(i, j int) bool { return strings.ToLower(kids[i].name) < strings.ToLower(kids[j].name) })
	for _, c := range kids {
		child := folderRef{ref.mailbox, c}
		if _, err := h.folderAccess(user, child); err != nil {
			continue
		}
		out = append(out, child)
		if deep {
			out = append(out, h.descendants(user, child, true)...)
		}
	}
	return out
}
