/* paraat-requirement.h — one requirement of a framework with the workspace's register data
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_REQUIREMENT (paraat_requirement_get_type ())

G_DECLARE_FINAL_TYPE (ParaatRequirement, paraat_requirement, PARAAT, REQUIREMENT, GObject)

typedef enum
{
  PARAAT_STATUS_NOT_STARTED,
  PARAAT_STATUS_PLANNED,
  PARAAT_STATUS_PARTIAL,
  PARAAT_STATUS_IMPLEMENTED,
  PARAAT_N_STATUSES
} ParaatImplementationStatus;

/* The register data a user edits for one requirement. */
typedef struct
{
  gboolean                    applicable;
  const char                 *justification;
  ParaatImplementationStatus  status;
  gint64                      owner_id;   /* 0: no owner */
  const char                 *notes;
} ParaatRequirementState;

gint64                     paraat_requirement_get_id              (ParaatRequirement *self);
gint64                     paraat_requirement_get_framework_id    (ParaatRequirement *self);
const char                *paraat_requirement_get_framework_key   (ParaatRequirement *self);
const char                *paraat_requirement_get_framework_title (ParaatRequirement *self);
const char                *paraat_requirement_get_key             (ParaatRequirement *self);
const char                *paraat_requirement_get_label           (ParaatRequirement *self);
const char                *paraat_requirement_get_kind            (ParaatRequirement *self);
const char                *paraat_requirement_get_group_key       (ParaatRequirement *self);
const char                *paraat_requirement_get_group_title     (ParaatRequirement *self);
int                        paraat_requirement_get_depth           (ParaatRequirement *self);
const char                *paraat_requirement_get_title           (ParaatRequirement *self);
const char                *paraat_requirement_get_guidance        (ParaatRequirement *self);
const char                *paraat_requirement_get_question        (ParaatRequirement *self);
guint                      paraat_requirement_get_tracks          (ParaatRequirement *self);
double                     paraat_requirement_get_weight          (ParaatRequirement *self);
gboolean                   paraat_requirement_get_applicable      (ParaatRequirement *self);
const char                *paraat_requirement_get_justification   (ParaatRequirement *self);
ParaatImplementationStatus paraat_requirement_get_status          (ParaatRequirement *self);
gint64                     paraat_requirement_get_owner_id        (ParaatRequirement *self);
const char                *paraat_requirement_get_notes           (ParaatRequirement *self);
char                      *paraat_requirement_dup_display_name    (ParaatRequirement *self);

const char                *paraat_implementation_status_to_string (ParaatImplementationStatus status);
const char                *paraat_implementation_status_label     (ParaatImplementationStatus status);

/* All requirements of a framework in catalog order (a new list the caller owns). */
GListModel                *paraat_workspace_list_requirements     (ParaatWorkspace *self,
                                                                   gint64           framework_id,
                                                                   GError         **error);
ParaatRequirement         *paraat_workspace_get_requirement       (ParaatWorkspace *self,
                                                                   gint64           requirement_id,
                                                                   GError         **error);
ParaatRequirement         *paraat_workspace_find_requirement      (ParaatWorkspace *self,
                                                                   const char      *framework_key,
                                                                   const char      *key,
                                                                   GError         **error);
/* Requirements of other frameworks mapped to this one, in either direction. */
GListModel                *paraat_workspace_list_mapped           (ParaatWorkspace *self,
                                                                   gint64           requirement_id,
                                                                   GError         **error);
gboolean                   paraat_workspace_update_requirement    (ParaatWorkspace              *self,
                                                                   gint64                        requirement_id,
                                                                   const ParaatRequirementState *state,
                                                                   GError                      **error);

G_END_DECLS
