/** A service's command interface over HTTP/JSON: {@link dev.oms.remote.CommandServer} and {@link dev.oms.remote.RemoteCommands}. */
package dev.oms.remote;
