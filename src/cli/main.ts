import { scan } from "../engine";

process.stdout.write(JSON.stringify(scan(process.argv.slice(2).join(" "))) + "\n");
