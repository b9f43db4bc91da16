/**
 * Shared kernel: platform properties, time, persistence helpers, CSV reading, layout, i18n and error handling.
 * Every module may use it; it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.jiaxing.shared;
