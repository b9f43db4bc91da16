/**
 * Key-project supervision (重点项目推进): projects with members and key stages, the three-colour code
 * (三色赋码), the progress table, site codes and on-site days, daily live reports, problems with
 * assignment and supervision (问题处置 / 督办), the work channel, the morning meeting sheet, meetings and
 * rankings. API: {@link org.jiaxing.project.StageColour}, {@link org.jiaxing.project.ProjectDemoData} and the
 * expected failures; everything else is internal.
 */
package org.jiaxing.project;
