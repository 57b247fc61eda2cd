/* paraat-workspace.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-person.h"

G_BEGIN_DECLS

#define PARAAT_SCHEMA_VERSION      7
#define PARAAT_APPLICATION_ID      0x50524154 /* "PRAT" */
#define PARAAT_DEFAULT_TARGET      3
#define PARAAT_DEFAULT_VALIDITY    12

#define PARAAT_TYPE_WORKSPACE (paraat_workspace_get_type ())

G_DECLARE_FINAL_TYPE (ParaatWorkspace, paraat_workspace, PARAAT, WORKSPACE, GObject)

typedef struct
{
  char *organisation;
  char *scope;
  int   target_level;
  int   validity_months;
} ParaatSettings;

void               paraat_settings_clear               (ParaatSettings       *settings);

ParaatWorkspace   *paraat_workspace_create             (const char           *path,
                                                        const char           *organisation,
                                                        const char           *creator_name,
                                                        GError              **error);
ParaatWorkspace   *paraat_workspace_open               (const char           *path,
                                                        GError              **error);
/* A read-only view of a workspace, also one open elsewhere (for reports and exports in a
 * worker thread, and read-only commands): no lock, no migration, every write refused, one
 * snapshot from the first read on. The file must be at the current schema version. */
ParaatWorkspace   *paraat_workspace_open_reader        (const char           *path,
                                                        GError              **error);
void               paraat_workspace_open_async         (const char           *path,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
ParaatWorkspace   *paraat_workspace_open_finish        (GAsyncResult         *result,
                                                        GError              **error);
void               paraat_workspace_create_async       (const char           *path,
                                                        const char           *organisation,
                                                        const char           *creator_name,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
ParaatWorkspace   *paraat_workspace_create_finish      (GAsyncResult         *result,
                                                        GError              **error);
void               paraat_workspace_close              (ParaatWorkspace      *self);

const char        *paraat_workspace_get_path           (ParaatWorkspace      *self);
const char        *paraat_workspace_get_uuid           (ParaatWorkspace      *self);
int                paraat_workspace_get_schema_version (ParaatWorkspace      *self);
const char        *paraat_workspace_get_backup_path    (ParaatWorkspace      *self);

/* Settings */
void               paraat_workspace_get_settings       (ParaatWorkspace      *self,
                                                        ParaatSettings       *settings);
const char        *paraat_workspace_get_organisation   (ParaatWorkspace      *self);
gboolean           paraat_workspace_update_settings    (ParaatWorkspace      *self,
                                                        const ParaatSettings *settings,
                                                        GError              **error);

/* Who is working: every change is recorded in the trail under this person. */
ParaatPerson      *paraat_workspace_get_actor          (ParaatWorkspace      *self);
gboolean           paraat_workspace_set_actor          (ParaatWorkspace      *self,
                                                        gint64                person_id,
                                                        GError              **error);

gint64             paraat_workspace_introduce_self     (ParaatWorkspace      *self,
                                                        const char           *name,
                                                        GError              **error);

/* People */
GListModel        *paraat_workspace_get_people         (ParaatWorkspace      *self);
ParaatPerson      *paraat_workspace_find_person        (ParaatWorkspace      *self,
                                                        gint64                person_id);
ParaatPerson      *paraat_workspace_find_person_by_name (ParaatWorkspace     *self,
                                                        const char           *name);
gint64             paraat_workspace_add_person         (ParaatWorkspace      *self,
                                                        const char           *name,
                                                        const char           *role,
                                                        const char           *email,
                                                        GError              **error);
gboolean           paraat_workspace_update_person      (ParaatWorkspace      *self,
                                                        gint64                person_id,
                                                        const char           *name,
                                                        const char           *role,
                                                        const char           *email,
                                                        GError              **error);
gboolean           paraat_workspace_remove_person      (ParaatWorkspace      *self,
                                                        gint64                person_id,
                                                        GError              **error);

/* Counts per table, for `paraat-cli info` and the benchmarks. */
GHashTable        *paraat_workspace_count_rows         (ParaatWorkspace      *self,
                                                        GError              **error);

G_END_DECLS
