import { Card } from "@/components/ui/card";
import type { ModelDatastoreView, ModelTopicView } from "@/lib/api/model.types";
import { formatCount } from "@/lib/format/format-number";

export function DatastoresCard({ datastores }: { datastores: ModelDatastoreView[] }) {
  return (
    <Card data-testid="datastores">
      <CardTitle title="Datastores" count={datastores.length} />
      {datastores.length === 0 ? (
        <p className="px-4 py-4 text-sm text-zinc-600 dark:text-zinc-400">No database spans were seen in the sampled traces.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {datastores.map((store) => (
            <li key={`${store.system}/${store.name}`} className="px-4 py-3">
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="font-mono font-semibold">{store.name}</span>
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-300">{store.system}</span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">used by {store.services.join(", ")}</span>
              </p>
              {store.tables.length === 0 ? (
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">No table could be read from its statements.</p>
              ) : (
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">Tables of {store.name} and the statements run on them</caption>
                  <thead className="text-xs text-zinc-600 dark:text-zinc-400">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">Table</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Statements</th>
                      <th scope="col" className="py-1 font-medium">Writes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {store.tables.map((table) => (
                      <tr key={table.name} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                        <td className="py-1 pr-3 font-mono text-xs [overflow-wrap:anywhere]">{table.name}</td>
                        <td className="py-1 pr-3 text-xs">
                          {table.operations.map((o) => (
                            <span key={o.value} className="mr-2 inline-block whitespace-nowrap">
                              <span className="font-mono">{o.value}</span> <span className="text-zinc-500 tabular-nums dark:text-zinc-400">×{formatCount(o.count)}</span>
                            </span>
                          ))}
                        </td>
                        <td className="py-1 text-xs">{table.writes ? "yes" : "no"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function TopicsCard({ topics }: { topics: ModelTopicView[] }) {
  return (
    <Card data-testid="topics">
      <CardTitle title="Topics" count={topics.length} />
      {topics.length === 0 ? (
        <p className="px-4 py-4 text-sm text-zinc-600 dark:text-zinc-400">No messaging spans were seen in the sampled traces.</p>
      ) : (
        <div className="overflow-x-auto px-4 py-2">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Topics with the services that publish and consume them</caption>
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Topic</th>
                <th scope="col" className="py-1 pr-3 font-medium">Producers</th>
                <th scope="col" className="py-1 pr-3 font-medium">Consumers</th>
                <th scope="col" className="py-1 font-medium">Entity</th>
              </tr>
            </thead>
            <tbody>
              {topics.map((topic) => (
                <tr key={topic.name} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                  <td className="py-1.5 pr-3 font-mono text-xs [overflow-wrap:anywhere]">{topic.name}</td>
                  <td className="py-1.5 pr-3 text-xs">{topic.producers.join(", ") || <None />}</td>
                  <td className="py-1.5 pr-3 text-xs">{topic.consumers.join(", ") || <None />}</td>
                  <td className="py-1.5 font-mono text-xs">{topic.entity ?? <None />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function None() {
  return <span className="font-sans text-zinc-500 dark:text-zinc-400">none seen</span>;
}

/** A card's title one level below the section's heading. */
function CardTitle({ title, count }: { title: string; count: number }) {
  return (
    <h3 className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold dark:border-zinc-800">
      {title} <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">{count}</span>
    </h3>
  );
}
