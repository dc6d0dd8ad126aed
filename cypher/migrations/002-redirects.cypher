// A merged entity leaves a redirect: its old id and slug lead to the entity it was merged into.
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (r:Redirect) REQUIRE r.id IS UNIQUE;
CREATE RANGE INDEX redirect_slug IF NOT EXISTS FOR (r:Redirect) ON (r.slug);
CREATE RANGE INDEX redirect_to IF NOT EXISTS FOR (r:Redirect) ON (r.to);

// Edits are found by id when one is undone (undoEdit).
CREATE CONSTRAINT edit_id IF NOT EXISTS FOR (e:Edit) REQUIRE e.id IS UNIQUE;
CREATE RANGE INDEX edit_merged IF NOT EXISTS FOR (e:Edit) ON (e.mergedId);
