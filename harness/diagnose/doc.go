// Package diagnose is the one analysis of a manager–delegate pair that the
// doctor (ucfake doctor, POST /_ucfake/doctor), the delegation picture
// (Graph) and the console share.
//
// For every pair it finds in a world (an Outlook delegate, a Lync back-end
// record, a Send on Behalf or Full Access grant, a Delegates group member,
// a delegator in a computer's registry) it gathers the Facts along the
// chain the sources describe — Outlook delegate, Calendar and Tasks rights,
// Send on Behalf, the back-end record, the replicated views, the groups and
// banners on each computer — draws them as nodes and links (each broken
// link with its reason), and names the documents' causes with their
// catalogue ids, evidence and numbered resolution steps.
//
// Verified, not guessed: Diagnose replays each proposed resolution on a
// copy of the world with the simulated desktops and reports whether the
// working state (both groups, the banner, an online meeting scheduled on
// behalf) is reached and after how much virtual time.
//
// The analysis reads the world only through its public accessors and the
// exported desktop state; it never changes the world it examines.
package diagnose
