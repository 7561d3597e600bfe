/** What {@code oms bench} runs against: a platform it starts itself, or one that is running. */
package dev.oms.app.bench;
