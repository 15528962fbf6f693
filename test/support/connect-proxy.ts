import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

/**
 * A local HTTP proxy that only tunnels (CONNECT), as ministry proxies do for HTTPS, and records
 * which host:port each tunnel went to. Plain proxied requests are refused with 405.
 */
export class ConnectProxyStandIn {
  readonly tunnels: string[] = [];
  private readonly sockets = new Set<net.Socket>();
  private readonly server = http.createServer((_request, response) => {
    response.writeHead(405).end();
  });

  constructor() {
    this.server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      const target = request.url ?? '';
      this.tunnels.push(target);
      const [host, port] = target.split(':');
      const upstream = net.connect(Number(port), host ?? '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
